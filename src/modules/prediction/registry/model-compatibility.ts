import { MeasureCode } from 'src/modules/measures/measure-code';
import { FEATURE_LIST_VERSION, FEATURE_NAMES } from 'src/modules/members/features';
import { ModelManifest } from 'src/modules/prediction/registry/model-manifest';

/**
 * Checks that a manifest fits the running feature builder and returns, for each model input column,
 * its index in the builder's vector for the measure. Throws an Error naming the field; the caller
 * adds the file.
 *
 * Another feature list version is refused even when every name still exists: a bump marks a change
 * of a feature's meaning or missing-value rule as well as of its name (src/modules/members/features.ts),
 * and only the first kind shows in the names.
 */
export function manifestColumns(measure: MeasureCode, manifest: ModelManifest): Int32Array {
  if (manifest.measure_code !== measure) throw new Error(`measure_code is ${manifest.measure_code}, expected ${measure}`);
  if (manifest.feature_list_version !== FEATURE_LIST_VERSION) {
    throw new Error(
      `feature_list_version is ${manifest.feature_list_version}, but this service builds ${FEATURE_LIST_VERSION}; ` +
        `retrain the model on ${FEATURE_LIST_VERSION} features`,
    );
  }
  const available = FEATURE_NAMES[measure];
  return Int32Array.from(manifest.feature_names, (name) => {
    const index = available.indexOf(name);
    if (index < 0) throw new Error(`feature_names has "${name}", which the ${measure} feature builder does not produce`);
    return index;
  });
}

/**
 * The file's own description, where it has one (our exporter writes it; other tools seldom do), must
 * be the manifest's: a disagreement means the file is not the model the manifest describes.
 * `model_version` is not compared: a manifest-only change, such as new risk-tier thresholds, may
 * rightly get a new version.
 */
export function checkFileMetadata(manifest: ModelManifest, metadata: Readonly<Record<string, string>>): void {
  for (const field of ['measure_code', 'feature_list_version'] as const) {
    const value = metadata[field];
    if (value !== undefined && value !== manifest[field]) {
      throw new Error(`the file's ${field} metadata is ${value}, the manifest's ${manifest[field]}`);
    }
  }
  if (metadata.feature_names === undefined) return;
  const names = parseNameList(metadata.feature_names);
  if (!names) throw new Error("the file's feature_names metadata is not a JSON array of strings");
  if (names.length !== manifest.feature_names.length) {
    throw new Error(`the file's feature_names metadata names ${names.length} features, the manifest ${manifest.feature_names.length}`);
  }
  const column = names.findIndex((name, i) => name !== manifest.feature_names[i]);
  if (column >= 0) {
    throw new Error(
      `the file's feature_names metadata has "${names[column]}" at input column ${column}, ` +
        `where the manifest has "${manifest.feature_names[column]}"`,
    );
  }
}

function parseNameList(json: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every((name) => typeof name === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}
