import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractProfileController } from 'src/modules/analytics/contract-profile.controller';
import { ContractProfile } from 'src/modules/analytics/contract-profile.entity';
import { ContractProfileRepository } from 'src/modules/analytics/contract-profile.repository';
import { ContractProfileService } from 'src/modules/analytics/contract-profile.service';
import { PlanRatingService } from 'src/modules/analytics/plan-rating.service';
import { RoiController } from 'src/modules/analytics/roi.controller';
import { RoiService } from 'src/modules/analytics/roi.service';
import { SimulationController } from 'src/modules/analytics/simulation.controller';
import { SimulationService } from 'src/modules/analytics/simulation.service';
import { SnapshotService } from 'src/modules/analytics/snapshot.service';
import { SnapshotsController } from 'src/modules/analytics/snapshots.controller';
import { StarRatingCalculatorService } from 'src/modules/analytics/star-rating-calculator.service';
import { StarRatingController } from 'src/modules/analytics/star-rating.controller';
import { MeasuresModule } from 'src/modules/measures/measures.module';
import { PortfolioModule } from 'src/modules/portfolio/portfolio.module';
import { PredictionDataModule } from 'src/modules/prediction/prediction-data.module';

/** Star Ratings of any contract and of the plan itself, scenarios, ROI and saved snapshots. */
@Module({
  imports: [TypeOrmModule.forFeature([ContractProfile]), MeasuresModule, PortfolioModule, PredictionDataModule],
  controllers: [StarRatingController, ContractProfileController, SimulationController, RoiController, SnapshotsController],
  providers: [
    ContractProfileRepository,
    ContractProfileService,
    StarRatingCalculatorService,
    PlanRatingService,
    SimulationService,
    RoiService,
    SnapshotService,
  ],
})
export class AnalyticsModule {}
