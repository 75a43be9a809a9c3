interface Layer<K, T> {
  key: K;
  item: T;
  /** Linear fade position 0…1, eased before use. */
  position: number;
  fadingIn: boolean;
}

/**
 * Cross-fades between generators when the user switches what a virtual sensor does, so the signal never
 * jumps. Several fades may overlap (switching again mid-fade); a generator that fades back in carries on
 * from where it was.
 */
export class Crossfade<K, T> {
  private layers: Layer<K, T>[];
  private current: K;

  constructor(
    key: K,
    item: T,
    private readonly fadeS: number,
  ) {
    this.current = key;
    this.layers = [{ key, item, position: 1, fadingIn: true }];
  }

  get target(): K {
    return this.current;
  }

  /** Starts fading to `key`; `make` builds its generator unless one is still fading out. */
  switchTo(key: K, make: (key: K) => T): void {
    if (key === this.current) return;
    this.current = key;
    for (const l of this.layers) l.fadingIn = false;
    const fading = this.layers.find((l) => l.key === key);
    if (fading) fading.fadingIn = true;
    else this.layers.push({ key, item: make(key), position: 0, fadingIn: true });
  }

  /** Advances the fades by `dtS` and calls `visit` for every generator with its weight; weights sum to 1. */
  mix(dtS: number, visit: (item: T, weight: number) => void): void {
    const step = dtS / this.fadeS;
    let total = 0;
    for (const l of this.layers) {
      l.position = Math.min(1, Math.max(0, l.position + (l.fadingIn ? step : -step)));
      total += smoothstep(l.position);
    }
    for (const l of this.layers) visit(l.item, smoothstep(l.position) / total);
    if (this.layers.length > 1) this.layers = this.layers.filter((l) => l.fadingIn || l.position > 0);
  }
}

function smoothstep(x: number): number {
  return x * x * (3 - 2 * x);
}
