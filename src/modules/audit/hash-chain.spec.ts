import { canonicalRow, chainHash, checkpointHmac, ChainedFields, GENESIS_HASH } from 'src/modules/audit/hash-chain';

const row = (overrides: Partial<ChainedFields> = {}): ChainedFields => ({
  seq: '1',
  logId: '6d1f5a52-2b7e-4c1e-9d0e-5f0a3b2c1d00',
  apiKeyHash: 'a'.repeat(64),
  endpoint: '/api/v1/measures',
  method: 'GET',
  statusCode: 200,
  responseTimeMs: 3,
  timestamp: new Date('2026-11-21T10:00:00.123Z'),
  eventType: 'http.request',
  requestId: 'r-1',
  role: 'analyst',
  keyPrefix: 'hso_abc',
  clientAddress: '10.0.0.1',
  memberHashes: null,
  details: { b: 1, a: 'x' },
  ...overrides,
});

describe('hash chain', () => {
  it('is deterministic and independent of JSON key order', () => {
    expect(canonicalRow(row())).toBe(canonicalRow(row({ details: { a: 'x', b: 1 } })));
    expect(chainHash(GENESIS_HASH, row())).toBe(chainHash(GENESIS_HASH, row()));
  });

  it.each<[string, Partial<ChainedFields>]>([
    ['status', { statusCode: 500 }],
    ['timestamp by a millisecond', { timestamp: new Date('2026-11-21T10:00:00.124Z') }],
    ['member list', { memberHashes: ['b'.repeat(64)] }],
    ['sequence', { seq: '2' }],
    ['details', { details: { a: 'y', b: 1 } }],
  ])('changes when the %s changes', (_label, change) => {
    expect(chainHash(GENESIS_HASH, row(change))).not.toBe(chainHash(GENESIS_HASH, row()));
  });

  it('depends on the previous hash', () => {
    expect(chainHash('f'.repeat(64), row())).not.toBe(chainHash(GENESIS_HASH, row()));
  });

  it('signs checkpoints with the key', () => {
    expect(checkpointHmac('k1', '5', 'a'.repeat(64))).not.toBe(checkpointHmac('k2', '5', 'a'.repeat(64)));
  });
});
