import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { Environment, EnvironmentError, validateEnvironment } from 'src/config/environment';

describe('validateEnvironment', () => {
  it('applies documented defaults when nothing is set', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.MIGRATIONS_RUN).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts numeric and boolean strings', () => {
    const env = validateEnvironment({ PORT: '8080', MIGRATIONS_RUN: 'false', DB_POOL_SIZE: '4' });
    expect(env.PORT).toBe(8080);
    expect(env.MIGRATIONS_RUN).toBe(false);
    expect(env.DB_POOL_SIZE).toBe(4);
  });

  it('names the variable and the rule, never the value', () => {
    expect.assertions(4);
    try {
      validateEnvironment({ PORT: 'abc-secret-value' });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvironmentError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('isInt');
      expect(message).not.toContain('abc-secret-value');
    }
  });

  it('rejects a DATABASE_URL that is not a postgres URL without echoing it', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).toThrow(/DATABASE_URL/);
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).not.toThrow(/hunter2/);
  });

  it('reports every invalid variable at once', () => {
    expect(() => validateEnvironment({ PORT: '70000', MIGRATIONS_RUN: 'yes' })).toThrow(
      /PORT[\s\S]*MIGRATIONS_RUN|MIGRATIONS_RUN[\s\S]*PORT/,
    );
  });
});

describe('validateEnvironment secrets and retention', () => {
  it('requires PHI_HASH_KEY and AUDIT_CHECKPOINT_KEY with DATABASE_URL', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'postgres://db/x' })).toThrow(/PHI_HASH_KEY is required[\s\S]*AUDIT_CHECKPOINT_KEY is required/);
    const secret = 'k'.repeat(32);
    expect(validateEnvironment({ DATABASE_URL: 'postgres://db/x', PHI_HASH_KEY: secret, AUDIT_CHECKPOINT_KEY: secret }).PHI_HASH_KEY).toBe(secret);
  });

  it('refuses a short secret without printing it', () => {
    expect(() => validateEnvironment({ PHI_HASH_KEY: 'short-secret' })).toThrow(/PHI_HASH_KEY must be at least 32/);
    expect(() => validateEnvironment({ PHI_HASH_KEY: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('refuses audit retention under six years', () => {
    expect(() => validateEnvironment({ AUDIT_RETENTION_DAYS: '2000' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(validateEnvironment({}).AUDIT_RETENTION_DAYS).toBe(2557);
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the service validates', () => {
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(Environment, '', true, false)
        .map((metadata) => metadata.propertyName),
    );
    const documented = new Set(
      readFileSync(`${__dirname}/../../.env.example`, 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => line.split('=')[0]),
    );
    expect([...documented].sort()).toEqual([...validated].sort());
  });
});
