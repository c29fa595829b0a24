import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogReportRepository } from 'src/modules/audit/access-log-report.repository';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AccessRecorder } from 'src/modules/audit/access-recorder';
import { AuditCheckpoint } from 'src/modules/audit/audit-checkpoint.entity';
import { AuditCheckpointRepository } from 'src/modules/audit/audit-checkpoint.repository';
import { AuditCheckpointer } from 'src/modules/audit/audit-checkpointer';
import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { AuditReportsService } from 'src/modules/audit/audit-reports.service';
import { AuditRetention } from 'src/modules/audit/audit-retention';
import { AuditTrail } from 'src/modules/audit/audit-trail';
import { AuditVerifier } from 'src/modules/audit/audit-verifier';
import { AuditController } from 'src/modules/audit/audit.controller';

@Module({
  imports: [TypeOrmModule.forFeature([AccessLogEntry, AuditCheckpoint])],
  controllers: [AuditController],
  providers: [
    AccessLogRepository,
    AccessLogReportRepository,
    AuditCheckpointRepository,
    AuditLogWriter,
    AuditTrail,
    AccessRecorder,
    AuditCheckpointer,
    AuditVerifier,
    AuditReportsService,
    AuditRetention,
  ],
  exports: [AuditTrail, AccessRecorder, AuditLogWriter, AuditCheckpointer],
})
export class AuditModule {}
