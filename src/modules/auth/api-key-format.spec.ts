import { generateApiKey, hashSecret, parseApiKey } from 'src/modules/auth/api-key-format';

describe('API key format', () => {
  it('generates keys that parse back to their prefix and secret', () => {
    const generated = generateApiKey();
    expect(generated.key).toMatch(/^hso_[0-9A-Za-z]{12}_[0-9A-Za-z]{49}$/);
    expect(parseApiKey(generated.key)).toEqual({ keyPrefix: generated.keyPrefix, secret: generated.secret });
    expect(generated.secretHash).toBe(hashSecret(generated.secret));
    expect(generated.secretHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeats a key', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey().key));
    expect(keys.size).toBe(1000);
  });

  it('rejects a key with one character changed anywhere', () => {
    const { key } = generateApiKey();
    for (let i = 4; i < key.length; i++) {
      if (key[i] === '_') continue;
      const typo = key.slice(0, i) + (key[i] === 'a' ? 'b' : 'a') + key.slice(i + 1);
      expect(parseApiKey(typo)).toBeNull();
    }
  });

  it.each([
    ['truncated', (k: string) => k.slice(0, -1)],
    ['extended', (k: string) => `${k}x`],
    ['wrong product prefix', (k: string) => `ghp_${k.slice(4)}`],
    ['surrounding whitespace', (k: string) => ` ${k}`],
    ['empty', () => ''],
  ])('rejects a %s key', (_label, mutate) => {
    expect(parseApiKey(mutate(generateApiKey().key))).toBeNull();
  });
});
