/**
 * Shapley values of one leaf's share of a path-dependent tree game, in closed form.
 *
 * Along the path to a leaf, merge the splits on each distinct feature j (d of them): z_j is the
 * product of their cover shares, o_j is 1 when x takes the path at all of them, else 0. The leaf's
 * part of v(S) = E[f(x) | x_S] is value · Π_{j∈S} o_j · Π_{j∉S} z_j. With H = {j : o_j = 1},
 * Z = Π_{j∉H} z_j and B(K) = Σ_{S⊆K} w(|S|) Π_{j∈K\S} z_j, where w(k) = k!(d-k-1)!/d!:
 *   phi_i = value · (1 - z_i) · Z · B(H \ {i})   for i in H,
 *   phi_i = -value · Z · B(H)                      for i not in H.
 * B(K) = Σ_k w(k) e_{|K|-k}(z_K) with e the elementary symmetric polynomials. Summed over leaves
 * this is exactly what Lundberg et al.'s Algorithm 2 computes (see tree-shap.spec.ts).
 */
export function shapleyWeights(d: number): Float64Array {
  const weights = new Float64Array(d + 1);
  // w(k) = 1 / (d · C(d-1, k)), built without factorials so deep paths do not overflow.
  let binomial = 1;
  for (let k = 0; k < d; k++) {
    weights[k] = 1 / (d * binomial);
    binomial = (binomial * (d - 1 - k)) / (k + 1);
  }
  return weights;
}

/** Scratch space for leafContributions, sized for paths of up to maxD distinct features. */
export interface LeafScratch {
  readonly e: Float64Array;
  readonly reduced: Float64Array;
}

export function createLeafScratch(maxD: number): LeafScratch {
  return { e: new Float64Array(maxD + 1), reduced: new Float64Array(maxD + 1) };
}

/**
 * Writes phi for each of the d path features into out[outOffset + j]; bit j of hotMask is o_j.
 * zs[zOffset + j] are the merged cover shares.
 */
export function leafContributions(
  value: number,
  zs: Float64Array,
  zOffset: number,
  d: number,
  hotMask: number,
  weights: Float64Array,
  scratch: LeafScratch,
  out: Float64Array,
  outOffset: number,
): void {
  const e = scratch.e;
  let coldProduct = 1;
  let h = 0;
  e[0] = 1;
  for (let j = 0; j < d; j++) {
    const z = zs[zOffset + j];
    if ((hotMask & (1 << j)) === 0) {
      coldProduct *= z;
      continue;
    }
    h++;
    e[h] = 0;
    for (let k = h; k >= 1; k--) e[k] += z * e[k - 1];
  }
  const scale = value * coldProduct;
  let coldB = 0;
  if (h < d) for (let k = 0; k <= h; k++) coldB += weights[k] * e[h - k];
  const reduced = scratch.reduced;
  for (let j = 0; j < d; j++) {
    if ((hotMask & (1 << j)) === 0) {
      out[outOffset + j] = -scale * coldB;
      continue;
    }
    // e(H \ {j}) = e(H) / (1 + z_j t); stable because 0 <= z_j <= 1.
    const z = zs[zOffset + j];
    reduced[0] = 1;
    for (let k = 1; k < h; k++) reduced[k] = e[k] - z * reduced[k - 1];
    let hotB = 0;
    for (let k = 0; k < h; k++) hotB += weights[k] * reduced[h - 1 - k];
    out[outOffset + j] = scale * (1 - z) * hotB;
  }
}
