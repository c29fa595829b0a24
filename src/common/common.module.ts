import { Global, Module } from '@nestjs/common';
import { MemberHasher } from 'src/common/phi/member-hasher';
import { ServiceSecrets } from 'src/common/phi/service-secrets';
import { Clock } from 'src/common/time/clock';

/** Cross-cutting providers every module may inject. */
@Global()
@Module({ providers: [Clock, ServiceSecrets, MemberHasher], exports: [Clock, ServiceSecrets, MemberHasher] })
export class CommonModule {}
