import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditReportsService } from 'src/modules/audit/audit-reports.service';
import { AuditVerifier, VerificationResult } from 'src/modules/audit/audit-verifier';
import { AccessLogExportQueryDto, AccessLogQueryDto } from 'src/modules/audit/dto/access-log-query.dto';
import { AccessLogPageDto } from 'src/modules/audit/dto/access-log-row.dto';
import { MemberAccessQueryDto } from 'src/modules/audit/dto/member-access-query.dto';
import { VerifyQueryDto } from 'src/modules/audit/dto/verify-query.dto';
import { Auth } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';

@ApiTags('audit')
@Auth(Role.Auditor)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly reports: AuditReportsService,
    private readonly verifier: AuditVerifier,
  ) {}

  @Get('access-log')
  @ApiOkResponse({ type: AccessLogPageDto })
  accessLog(@Query() query: AccessLogQueryDto): Promise<AccessLogPageDto> {
    return this.reports.accessLog(query);
  }

  @Get('access-log/export')
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'Every matching row, oldest first, streamed as CSV or JSON Lines' })
  export(@Query() query: AccessLogExportQueryDto, @Res() reply: FastifyReply): void {
    const format = query.format ?? 'jsonl';
    reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
      .header('content-disposition', `attachment; filename="access-log.${format}"`)
      .send(this.reports.export(query, format));
  }

  @Post('member-access')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessLogPageDto, description: 'Every access to one member’s data, oldest first' })
  memberAccess(@Body() query: MemberAccessQueryDto): Promise<AccessLogPageDto> {
    return this.reports.memberAccess(query);
  }

  @Get('summary')
  @ApiOkResponse({ description: 'Requests per day by key, role, endpoint and status class; failed authentication by key prefix and address' })
  summary(@Query() query: VerifyQueryDto): Promise<Record<string, unknown>> {
    return this.reports.summary(query.from, query.to);
  }

  @Get('verify')
  @ApiOkResponse({ description: 'ok, or the first row where the chain breaks and why' })
  verify(@Query() query: VerifyQueryDto): Promise<VerificationResult> {
    return this.verifier.verify({ from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined });
  }
}
