import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE_NAME, manifestJson } from 'src/modules/prediction/training/model-manifest';
import { TrainedMeasure } from 'src/modules/prediction/training/training-pipeline';

/** Writes `<outDir>/<CODE>/model.onnx` and `manifest.json`; returns the bytes written per measure. */
export function writeModelFiles(outDir: string, measures: readonly TrainedMeasure[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const { result, manifest } of measures) {
    const folder = join(outDir, manifest.measure_code);
    mkdirSync(folder, { recursive: true });
    const json = manifestJson(manifest);
    writeFileSync(join(folder, manifest.onnx_file), result.onnx);
    writeFileSync(join(folder, MANIFEST_FILE_NAME), json, 'utf8');
    sizes.set(manifest.measure_code, result.onnx.length + Buffer.byteLength(json));
  }
  return sizes;
}
