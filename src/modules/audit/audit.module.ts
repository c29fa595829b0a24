import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';

@Module({
  imports: [TypeOrmModule.forFeature([AccessLogEntry])],
  providers: [AccessLogRepository],
  exports: [AccessLogRepository],
})
export class AuditModule {}
