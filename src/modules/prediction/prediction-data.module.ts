import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Prediction } from 'src/modules/prediction/prediction.entity';
import { PredictionRepository } from 'src/modules/prediction/prediction.repository';

/** The predictions table alone, for the modules that read it (measures, analytics) without the models. */
@Module({
  imports: [TypeOrmModule.forFeature([Prediction])],
  providers: [PredictionRepository],
  exports: [PredictionRepository],
})
export class PredictionDataModule {}
