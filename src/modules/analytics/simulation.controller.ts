import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SimulateDto } from 'src/modules/analytics/dto/simulate.dto';
import { SimulationResponseDto } from 'src/modules/analytics/dto/simulation-response.dto';
import { SimulationService } from 'src/modules/analytics/simulation.service';
import { Auth } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';

@ApiTags('analytics: simulation')
@Auth(Role.Analyst)
@Controller('analytics/simulate')
export class SimulationController {
  constructor(private readonly simulation: SimulationService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'What-if scenarios: close gaps, set a rate, move cut points, change the CAI category',
    description:
      'Each scenario returns measure and summary stars before and after, whether the 4-star bonus threshold is ' +
      'crossed, and the smallest change per measure that would lift the headline rating by half a star.',
  })
  @ApiOkResponse({ type: SimulationResponseDto })
  @ApiBadRequestResponse({ description: 'A change is malformed; `errors[]` names each field' })
  @ApiConflictResponse({ description: 'No contract profile has been set yet' })
  @ApiUnprocessableEntityResponse({ description: "A change cannot be applied to the plan's data (e.g. more gaps than open)" })
  simulate(@Body() body: SimulateDto): Promise<SimulationResponseDto> {
    return this.simulation.simulate(body);
  }
}
