import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';

@Injectable()
export class AccessLogRepository {
  constructor(@InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>) {}

  findById(logId: string): Promise<AccessLogEntry | null> {
    return this.entries.findOneBy({ logId });
  }

  save(entry: Omit<AccessLogEntry, 'logId' | 'timestamp'>): Promise<AccessLogEntry> {
    return this.entries.save(this.entries.create(entry));
  }
}
