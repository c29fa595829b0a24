import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GapListEntry } from 'src/modules/portfolio/gap-list-entry.entity';

@Injectable()
export class GapListRepository {
  constructor(@InjectRepository(GapListEntry) private readonly gaps: Repository<GapListEntry>) {}

  findById(gapId: string): Promise<GapListEntry | null> {
    return this.gaps.findOneBy({ gapId });
  }

  save(entry: Omit<GapListEntry, 'gapId' | 'createdAt'>): Promise<GapListEntry> {
    return this.gaps.save(this.gaps.create(entry));
  }
}
