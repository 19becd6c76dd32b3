/**
 * Micro-benchmark of the stored-document codec (issue #6): operations per second of
 * `fromDocument` (the read path: null dropping + zod) and `toDocument` (the write path: zod +
 * plain-JSON copy) for an operation document and a FHIR service account document.
 *
 * Run: node -r @swc-node/register libs/domain/bench/document-codec.bench.ts
 * BENCH_CODEC_MS sets the measuring time per case (default 1500 ms).
 */
import { DocumentCodec } from '../src/lib/model/common/document-codec';
import { operationCodec } from '../src/lib/model/operations/operation-codec';
import { fhirServiceAccountCodec } from '../src/lib/model/resources/fhir-service-account';
import { accountDocument, fhirAccountOperationDocument } from '../src/lib/model/test-support/document-samples';

const measureMs = Number(process.env['BENCH_CODEC_MS'] ?? 1500);

/** Calls `work` in batches until `measureMs` has passed; returns calls per second. */
function opsPerSecond(work: () => unknown): number {
  for (let i = 0; i < 2000; i++) work(); // let the JIT settle before measuring
  let calls = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(measureMs) * 1_000_000n;
  let now = started;
  while (now < deadline) {
    for (let i = 0; i < 500; i++) work();
    calls += 500;
    now = process.hrtime.bigint();
  }
  return calls / (Number(now - started) / 1e9);
}

function benchCodec(name: string, codec: DocumentCodec<unknown, unknown>, stored: Record<string, unknown>): void {
  const entity = codec.fromDocument(stored);
  const cases: Array<[string, () => unknown]> = [
    ['fromDocument', () => codec.fromDocument(stored)],
    ['toDocument', () => codec.toDocument(entity)],
  ];
  for (const [operation, work] of cases) {
    const rate = opsPerSecond(work);
    console.log(`${name.padEnd(20)} ${operation.padEnd(13)} ${Math.round(rate).toString().padStart(8)} ops/s  ${(1e6 / rate).toFixed(1).padStart(6)} µs/op`);
  }
}

benchCodec('OperationDocument', operationCodec as DocumentCodec<unknown, unknown>, fhirAccountOperationDocument());
benchCodec('FhirServiceAccount', fhirServiceAccountCodec as DocumentCodec<unknown, unknown>, accountDocument());
