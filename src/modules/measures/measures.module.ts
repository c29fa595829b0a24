import { Module } from '@nestjs/common';
import { MeasuresService } from 'src/modules/measures/measures.service';

/** The measure catalogue. Controllers are added by the HTTP layer; other modules import the service. */
@Module({
  providers: [MeasuresService],
  exports: [MeasuresService],
})
export class MeasuresModule {}
