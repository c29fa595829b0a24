import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Prediction } from 'src/modules/predictions/prediction.entity';

@Injectable()
export class PredictionRepository {
  constructor(@InjectRepository(Prediction) private readonly predictions: Repository<Prediction>) {}

  findById(predictionId: string): Promise<Prediction | null> {
    return this.predictions.findOneBy({ predictionId });
  }

  save(prediction: Omit<Prediction, 'predictionId' | 'createdAt'>): Promise<Prediction> {
    return this.predictions.save(this.predictions.create(prediction));
  }
}
