import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GapListEntry } from 'src/modules/portfolio/gap-list-entry.entity';
import { GapListRepository } from 'src/modules/portfolio/gap-list.repository';
import { PortfolioAnalysis } from 'src/modules/portfolio/portfolio-analysis.entity';
import { PortfolioAnalysisRepository } from 'src/modules/portfolio/portfolio-analysis.repository';

@Module({
  imports: [TypeOrmModule.forFeature([PortfolioAnalysis, GapListEntry])],
  providers: [PortfolioAnalysisRepository, GapListRepository],
  exports: [PortfolioAnalysisRepository, GapListRepository],
})
export class PortfolioModule {}
