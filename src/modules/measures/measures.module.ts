import { Module } from '@nestjs/common';
import { MeasurePerformanceService } from 'src/modules/measures/measure-performance.service';
import { MeasureStatsService } from 'src/modules/measures/measure-stats.service';
import { MeasuresController } from 'src/modules/measures/measures.controller';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { PortfolioModule } from 'src/modules/portfolio/portfolio.module';
import { PredictionDataModule } from 'src/modules/prediction/prediction-data.module';

/** The measure catalogue and each measure's performance from stored predictions and gaps. */
@Module({
  imports: [PredictionDataModule, PortfolioModule],
  controllers: [MeasuresController],
  providers: [MeasuresService, MeasureStatsService, MeasurePerformanceService],
  exports: [MeasuresService, MeasureStatsService],
})
export class MeasuresModule {}
