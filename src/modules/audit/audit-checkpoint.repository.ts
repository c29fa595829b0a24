import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditCheckpoint, CheckpointKind } from 'src/modules/audit/audit-checkpoint.entity';

@Injectable()
export class AuditCheckpointRepository {
  constructor(@InjectRepository(AuditCheckpoint) private readonly checkpoints: Repository<AuditCheckpoint>) {}

  add(checkpoint: { seq: string; rowHash: string; hmac: string; kind: CheckpointKind }): Promise<AuditCheckpoint> {
    return this.checkpoints.save(this.checkpoints.create(checkpoint));
  }

  /** All checkpoints, oldest first (a few per hour at most: small). */
  listBySeq(): Promise<AuditCheckpoint[]> {
    return this.checkpoints.createQueryBuilder('c').orderBy('c.seq', 'ASC').addOrderBy('c.created_at', 'ASC').getMany();
  }

  async latestSeq(): Promise<string | null> {
    const [row] = await this.checkpoints.query('SELECT MAX(seq) AS seq FROM audit_checkpoints');
    return row?.seq ? String(row.seq) : null;
  }
}
