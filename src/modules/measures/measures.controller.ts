import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';
import { MeasureCatalogueDto } from 'src/modules/measures/dto/measure-catalogue.dto';
import { MeasurePerformanceResponseDto } from 'src/modules/measures/dto/measure-performance-response.dto';
import { MeasureResponseDto } from 'src/modules/measures/dto/measure-response.dto';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';
import { MeasurePerformanceService } from 'src/modules/measures/measure-performance.service';
import { MeasuresService } from 'src/modules/measures/measures.service';

const CODE_PARAM = { name: 'code', enum: MEASURE_CODES, description: 'Measure code, case-insensitive' };
const UNKNOWN_CODE = { description: 'Unknown measure code; the problem lists the valid codes in `valid_codes`' };

@ApiTags('measures')
@Auth(Role.Analyst, Role.Integration)
@Controller('measures')
export class MeasuresController {
  constructor(
    private readonly measures: MeasuresService,
    private readonly performanceService: MeasurePerformanceService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The Star year's measure catalogue: the 12 measures with cut points and default interventions" })
  @ApiOkResponse({ type: MeasureCatalogueDto })
  list(): MeasureCatalogueDto {
    return this.measures.getCatalogue();
  }

  @Get(':code')
  @ApiOperation({ summary: 'One measure' })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: MeasureResponseDto })
  @ApiNotFoundResponse(UNKNOWN_CODE)
  get(@Param('code') code: string): MeasureResponseDto {
    return this.measures.get(code);
  }

  @Get(':code/performance')
  @ApiOperation({ summary: 'Eligible members, compliance now and predicted, gaps, and stars against the cut points' })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: MeasurePerformanceResponseDto })
  @ApiNotFoundResponse(UNKNOWN_CODE)
  performance(@Param('code') code: string): Promise<MeasurePerformanceResponseDto> {
    return this.performanceService.performance(code);
  }
}
