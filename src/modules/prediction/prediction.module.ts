import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module';
import { MeasuresModule } from 'src/modules/measures/measures.module';
import { PortfolioModule } from 'src/modules/portfolio/portfolio.module';
import { DemoSeeder } from 'src/modules/prediction/demo/demo-seeder';
import { IdempotencyRepository } from 'src/modules/prediction/idempotency.repository';
import { IdempotencyService } from 'src/modules/prediction/idempotency.service';
import { PredictionController } from 'src/modules/prediction/prediction.controller';
import { PredictionPipeline } from 'src/modules/prediction/prediction-pipeline';
import { PredictionStore } from 'src/modules/prediction/prediction-store';
import { PredictionWriteRepository } from 'src/modules/prediction/prediction-write.repository';
import { PredictionService } from 'src/modules/prediction/prediction.service';
import { ModelRegistry } from 'src/modules/prediction/registry/model-registry';
import { PredictionEngine } from 'src/modules/prediction/scoring/prediction-engine';
import { PredictionDataModule } from 'src/modules/prediction/prediction-data.module';

/** Gap predictions: ONNX models, exact explanations, the prediction API and its writes. */
@Module({
  imports: [PredictionDataModule, PortfolioModule, MeasuresModule, AuditModule],
  controllers: [PredictionController],
  providers: [
    ModelRegistry,
    PredictionEngine,
    PredictionStore,
    PredictionWriteRepository,
    PredictionPipeline,
    PredictionService,
    IdempotencyRepository,
    IdempotencyService,
    DemoSeeder,
  ],
  exports: [ModelRegistry, PredictionPipeline, DemoSeeder],
})
export class PredictionModule {}
