import { Global, Module } from '@nestjs/common';
import { Clock } from 'src/common/time/clock';

/** Cross-cutting providers every module may inject. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class CommonModule {}
