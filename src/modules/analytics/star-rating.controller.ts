import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CalculateStarRatingDto } from 'src/modules/analytics/dto/calculate-star-rating.dto';
import { CalculatedStarRatingResponseDto } from 'src/modules/analytics/dto/calculated-star-rating-response.dto';
import { PlanStarRatingResponseDto } from 'src/modules/analytics/dto/plan-star-rating-response.dto';
import { PlanRatingService } from 'src/modules/analytics/plan-rating.service';
import { StarRatingCalculatorService } from 'src/modules/analytics/star-rating-calculator.service';
import { Auth } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';

@ApiTags('analytics: star ratings')
@Auth(Role.Analyst)
@Controller('analytics/star-rating')
export class StarRatingController {
  constructor(
    private readonly calculator: StarRatingCalculatorService,
    private readonly planRating: PlanRatingService,
  ) {}

  @Post('calculate')
  @HttpCode(200)
  @ApiOperation({ summary: "Part C, Part D and overall ratings of any contract, with the passes behind them (CMS's method)" })
  @ApiOkResponse({ type: CalculatedStarRatingResponseDto })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid; `errors[]` names each one' })
  calculate(@Body() body: CalculateStarRatingDto): CalculatedStarRatingResponseDto {
    return this.calculator.calculate(body);
  }

  @Get()
  @ApiOperation({ summary: "The plan's rating now and projected to year end: contract profile plus the 12 measures from stored data" })
  @ApiOkResponse({ type: PlanStarRatingResponseDto })
  @ApiConflictResponse({ description: 'No contract profile has been set yet' })
  @ApiUnprocessableEntityResponse({ description: 'The Star year is not supported' })
  current(): Promise<PlanStarRatingResponseDto> {
    return this.planRating.starRating();
  }
}
