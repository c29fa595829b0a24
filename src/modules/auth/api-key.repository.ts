import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiKey } from 'src/modules/auth/api-key.entity';

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  findById(id: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ id });
  }

  save(key: Omit<ApiKey, 'id' | 'createdAt'>): Promise<ApiKey> {
    return this.keys.save(this.keys.create(key));
  }
}
