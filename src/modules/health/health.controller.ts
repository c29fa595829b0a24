import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from 'src/modules/auth/auth.decorators';
import { HealthService, LivenessResponseDto, ReadinessResponseDto, StatusResponseDto } from 'src/modules/health/health.service';

/** Probe routes: unversioned and outside the /api prefix, as load balancers and kubelets expect. */
@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({ type: StatusResponseDto })
  status(): StatusResponseDto {
    return this.health.status();
  }

  @Get('live')
  @ApiOkResponse({ type: LivenessResponseDto, description: 'The process is up; no dependency is checked.' })
  live(): LivenessResponseDto {
    return this.health.live();
  }

  @Get('ready')
  @ApiOkResponse({ type: ReadinessResponseDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the problem names the failing checks.' })
  ready(): Promise<ReadinessResponseDto> {
    return this.health.ready();
  }
}
