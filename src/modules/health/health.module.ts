import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from 'src/modules/health/health.controller';
import { HealthService } from 'src/modules/health/health.service';
import { PredictionModule } from 'src/modules/prediction/prediction.module';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), PredictionModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
