// jest runs each test file in its own VM context with its own typed-array constructors, and
// onnxruntime-node rejects typed arrays that are not the host's ("A float32 tensor's data must be
// type of function Float32Array()"). Sharing the host's constructors makes them one and the same.
//
// A test file can also run in another time zone with the docblock
// `@jest-environment-options {"timezone": "America/New_York"}`: the host's TZ is what Date and the
// database driver read (the sandbox's process.env is a copy), and is restored after the file.
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

const SHARED = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Buffer',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

class HostTypedArrayEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
    this.timezone = config.projectConfig.testEnvironmentOptions?.timezone;
  }

  async setup() {
    await super.setup();
    if (this.timezone) {
      this.hostTimezone = process.env.TZ;
      process.env.TZ = this.timezone;
    }
  }

  async teardown() {
    if (this.timezone) {
      if (this.hostTimezone === undefined) delete process.env.TZ;
      else process.env.TZ = this.hostTimezone;
    }
    await super.teardown();
  }
}

module.exports = HostTypedArrayEnvironment;
