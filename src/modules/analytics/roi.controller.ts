import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RoiQueryDto } from 'src/modules/analytics/dto/roi-query.dto';
import { RoiResponseDto } from 'src/modules/analytics/dto/roi-response.dto';
import { RoiService } from 'src/modules/analytics/roi.service';
import { Auth } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';

@ApiTags('analytics: roi')
@Auth(Role.Analyst)
@Controller('analytics/roi')
export class RoiController {
  constructor(private readonly roiService: RoiService) {}

  @Get()
  @ApiOperation({
    summary: 'Quality bonus, rebate, intervention cost, net value, ROI and break-even of an intervention plan',
    description: 'Every assumption is a query parameter; the response lists each value used and where it came from.',
  })
  @ApiOkResponse({ type: RoiResponseDto })
  @ApiBadRequestResponse({ description: 'A parameter is invalid; `errors[]` names each one' })
  @ApiConflictResponse({ description: 'No contract profile has been set yet' })
  @ApiUnprocessableEntityResponse({ description: 'An input is missing (benchmark, member months, a rating) or the plan cannot apply' })
  roi(@Query() query: RoiQueryDto): Promise<RoiResponseDto> {
    return this.roiService.roi(query);
  }
}
