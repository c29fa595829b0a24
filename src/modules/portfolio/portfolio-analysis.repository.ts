import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PortfolioAnalysis } from 'src/modules/portfolio/portfolio-analysis.entity';

@Injectable()
export class PortfolioAnalysisRepository {
  constructor(@InjectRepository(PortfolioAnalysis) private readonly analyses: Repository<PortfolioAnalysis>) {}

  findById(analysisId: string): Promise<PortfolioAnalysis | null> {
    return this.analyses.findOneBy({ analysisId });
  }

  save(analysis: Omit<PortfolioAnalysis, 'analysisId' | 'createdAt'>): Promise<PortfolioAnalysis> {
    return this.analyses.save(this.analyses.create(analysis));
  }
}
