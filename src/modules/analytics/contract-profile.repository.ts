import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ContractProfile } from 'src/modules/analytics/contract-profile.entity';

export type ContractProfileFields = Omit<ContractProfile, 'id' | 'singleton' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ContractProfileRepository {
  constructor(@InjectRepository(ContractProfile) private readonly profiles: Repository<ContractProfile>) {}

  find(): Promise<ContractProfile | null> {
    return this.profiles.findOneBy({ singleton: true });
  }

  /** Creates the profile or replaces every field of it, in one statement (safe under concurrent PUTs). */
  async replace(fields: ContractProfileFields, now: Date): Promise<ContractProfile> {
    await this.profiles.upsert({ ...fields, singleton: true, updatedAt: now }, ['singleton']);
    return (await this.find()) as ContractProfile;
  }
}
