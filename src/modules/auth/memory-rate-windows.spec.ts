import { MemoryRateWindows } from 'src/modules/auth/memory-rate-windows';

describe(MemoryRateWindows.name, () => {
  let now: number;
  let windows: MemoryRateWindows;

  beforeEach(() => {
    now = 1_000_000;
    windows = new MemoryRateWindows(() => now);
  });

  afterEach(() => windows.close());

  const hit = (key = 'k') => windows.increment(key, 60_000, 3, 30_000);

  it('counts hits per key within the window and blocks beyond the limit', () => {
    expect([hit(), hit(), hit()].map((r) => r.isBlocked)).toEqual([false, false, false]);
    expect(hit('other')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(hit()).toEqual({ totalHits: 4, timeToExpire: 60, isBlocked: true, timeToBlockExpire: 30 });
  });

  it('keeps a block for its whole duration, even once the window has reset', () => {
    const shortWindow = () => windows.increment('k', 10_000, 3, 30_000);
    [1, 2, 3, 4].forEach(() => shortWindow());
    now += 10_000;
    expect(shortWindow()).toMatchObject({ totalHits: 1, isBlocked: true, timeToBlockExpire: 20 });
    now += 20_000;
    expect(shortWindow()).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('blocks again at once when a block ends inside a window that is still over the limit', () => {
    [1, 2, 3, 4].forEach(() => hit());
    now += 30_000;
    expect(hit()).toMatchObject({ totalHits: 5, isBlocked: true, timeToBlockExpire: 30 });
  });

  it('reports the seconds left in the window', () => {
    hit();
    now += 15_500;
    expect(hit()).toMatchObject({ totalHits: 2, timeToExpire: 45 });
  });
});
