import { toValidationError } from '../validation/validation-problem';
import { JobWindowUnit, jobWindowProblems, jobWindowUnitOf } from './stream-analytics-window';

/**
 * The job's query, line by line, exactly as the iomt-fhir templates build it
 * (`deploy/templates/*-azuredeploy.json` @2ee881d, iomt.md §1.3), including the trailing spaces
 * the templates have after `SELECT`, `DeviceId [DeviceId],` and the GROUP BY columns.
 */
const QUERY_LINES_BEFORE_WINDOW: readonly string[] = [
  'SELECT ',
  '    DeviceId [DeviceId], ',
  '    PatientId [PatientId],',
  '    EncounterId [EncounterId],',
  '    CorrelationId [CorrelationId],',
  '    collect() [Data],',
  '    System.Timestamp [WindowTime],',
  '    Type [MeasureType],',
  '    count(*) [Count]',
  'INTO',
  '    [FhirImportOutput]',
  'FROM',
  '    [NormalizedData] PARTITION BY PartitionId TIMESTAMP BY OccurrenceTimeUtc',
  'GROUP BY  PartitionId, ',
  '    DeviceId, ',
  '    PatientId, ',
  '    EncounterId, ',
  '    CorrelationId, ',
  '    Type, ',
];

/** The tumbling window of a Stream Analytics job. */
export interface JobWindow {
  readonly jobWindowUnit: string;
  readonly jobWindowMagnitude: number;
}

/**
 * The seed's `IomtStreamAnalyticsResourceDefinition.BuildQuery()`: the Stream Analytics query
 * grouping normalized measurements into `TUMBLINGWINDOW(unit, magnitude)`, lines joined with CRLF.
 * The unit is matched ignoring case and emitted in upper case.
 *
 * @throws ValidationError when the unit is not SECOND, MINUTE, HOUR or DAY, or the magnitude is
 * not a whole number from 1 to the unit's maximum (60, or 7 for DAY).
 */
export function buildStreamAnalyticsQuery(window: JobWindow): string {
  const problems = jobWindowProblems(window.jobWindowUnit, window.jobWindowMagnitude);
  if (problems.length > 0) throw toValidationError('The Stream Analytics job window', problems);
  const unit = jobWindowUnitOf(window.jobWindowUnit) as JobWindowUnit;
  return [...QUERY_LINES_BEFORE_WINDOW, `    TUMBLINGWINDOW(${unit}, ${window.jobWindowMagnitude})`].join('\r\n');
}
