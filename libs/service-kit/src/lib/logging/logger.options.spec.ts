import pino from 'pino';
import { LogCapture } from '../../testing/log-capture';
import { createPinoOptions } from './logger.options';
import { REDACTED } from './secret-redaction';

function loggerWithCapture(level: 'info' | 'warn' = 'info') {
  const capture = new LogCapture();
  const logger = pino(createPinoOptions({ serviceName: 'operation-router', level }), capture);
  return { capture, logger };
}

describe('createPinoOptions', () => {
  it('writes one JSON object per line with service, level label, ISO time and msg', () => {
    const { capture, logger } = loggerWithCapture();
    logger.info({ operationId: 'op-1' }, 'operation accepted');
    logger.error('operation failed');

    expect(capture.raw).toHaveLength(2);
    const [accepted, failed] = capture.lines;
    expect(accepted).toMatchObject({ service: 'operation-router', level: 'info', msg: 'operation accepted', operationId: 'op-1' });
    expect(failed).toMatchObject({ level: 'error', msg: 'operation failed' });
    expect(new Date(String(accepted['time'])).toISOString()).toBe(accepted['time']);
  });

  it('drops lines below the configured level', () => {
    const { capture, logger } = loggerWithCapture('warn');
    logger.info('noise');
    logger.warn('signal');
    expect(capture.lines.map((l) => l.msg)).toEqual(['signal']);
  });

  it('redacts secrets from merged objects, messages and errors', () => {
    const { capture, logger } = loggerWithCapture();
    const error = new Error('open failed: Endpoint=sb://ns/;SharedAccessKey=s3cr3t');
    logger.info({ settings: { COSMOS_KEY: 'k3y', HOST: 'h' } }, 'token eyJa.eyJb.c received');
    logger.error({ err: error }, 'connect failed');

    const text = capture.raw.join('\n');
    expect(text).not.toMatch(/s3cr3t|k3y|eyJa\.eyJb/);
    expect(capture.lines[0]).toMatchObject({ settings: { COSMOS_KEY: REDACTED, HOST: 'h' }, msg: `token ${REDACTED} received` });
    expect(capture.lines[1]['err']).toMatchObject({ message: `open failed: Endpoint=sb://ns/;SharedAccessKey=${REDACTED}` });
  });
});
