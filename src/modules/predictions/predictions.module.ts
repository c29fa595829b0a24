import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Prediction } from 'src/modules/predictions/prediction.entity';
import { PredictionRepository } from 'src/modules/predictions/prediction.repository';

@Module({
  imports: [TypeOrmModule.forFeature([Prediction])],
  providers: [PredictionRepository],
  exports: [PredictionRepository],
})
export class PredictionsModule {}
