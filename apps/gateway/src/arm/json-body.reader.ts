import { ErrorCode, ValidationError } from '@iomt/domain';
import getRawBody from 'raw-body';
import { ArmErrorCode } from './arm-error-codes';
import { ArmRequestError } from './arm-request-error';
import { GatewayRequest, headerValue } from './gateway-request';

/** Content types the gateway reads: JSON, which ARM always sends (arm-rpc.md §1.2). */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function hasBody(request: GatewayRequest): boolean {
  const length = headerValue(request, 'content-length');
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function charsetOf(contentType: string): string {
  const match = /;\s*charset\s*=\s*"?([\w-]+)"?/i.exec(contentType);
  return (match?.[1] ?? 'utf-8').toLowerCase();
}

function assertReadable(request: GatewayRequest): void {
  const contentType = headerValue(request, 'content-type') ?? '';
  if (!JSON_MEDIA_TYPE.test(contentType)) {
    const sent = contentType === '' ? 'no content type' : `content type '${contentType.slice(0, 100)}'`;
    throw new ArmRequestError(415, ArmErrorCode.UnsupportedMediaType, `The request has ${sent}; send 'application/json'.`, {
      target: 'Content-Type',
    });
  }
  if (!['utf-8', 'utf8'].includes(charsetOf(contentType))) {
    throw new ArmRequestError(415, ArmErrorCode.UnsupportedMediaType, 'The request body must be encoded in UTF-8.', { target: 'Content-Type' });
  }
  const encoding = (headerValue(request, 'content-encoding') ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    throw new ArmRequestError(415, ArmErrorCode.UnsupportedMediaType, `The content encoding '${encoding}' is not supported.`, {
      target: 'Content-Encoding',
    });
  }
}

function readError(error: unknown, limit: number): Error {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    return new ArmRequestError(413, ArmErrorCode.RequestEntityTooLarge, `The request body is larger than ${limit} bytes.`);
  }
  return new ValidationError('The request body could not be read completely.', { code: ErrorCode.InvalidRequestContent });
}

/**
 * Reads a JSON request body into `request.body` (and its text into `request.rawBody`): a body in
 * another media type or charset is 415, one over `limit` bytes is 413, malformed JSON is 400 with
 * the parser's position. A request without a body leaves `body` undefined.
 */
export async function readJsonBody(request: GatewayRequest, limit: number): Promise<void> {
  if (!hasBody(request)) return;
  assertReadable(request);
  let text: string;
  try {
    text = await getRawBody(request, { length: headerValue(request, 'content-length'), limit, encoding: 'utf-8' });
  } catch (error) {
    throw readError(error, limit);
  }
  request.rawBody = text;
  if (text.trim() === '') return;
  try {
    request.body = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`, {
      code: ErrorCode.InvalidRequestContent,
    });
  }
}
