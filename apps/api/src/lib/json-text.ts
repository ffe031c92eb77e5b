import type { FastifyReply } from 'fastify';

/**
 * A JSON object's UTF-8 bytes from its fields' JSON (text, or bytes already encoded, such as cached
 * sections), in order; undefined fields are left out. Large cached parts are copied, not re-encoded.
 */
export function jsonObject(fields: Record<string, string | Buffer | undefined>): Buffer {
  const chunks: Buffer[] = [];
  let text = '{';
  for (const [key, json] of Object.entries(fields)) {
    if (json === undefined) continue;
    text += `${text === '{' && chunks.length === 0 ? '' : ','}${JSON.stringify(key)}:`;
    if (typeof json === 'string') text += json;
    else {
      chunks.push(Buffer.from(text), json);
      text = '';
    }
  }
  chunks.push(Buffer.from(`${text}}`));
  return Buffer.concat(chunks);
}

/**
 * Sends JSON that is already serialized (by the route's own schema serializers, piece by piece), so
 * Fastify does not serialize it again. The route's response schema still documents it.
 */
export function sendJsonText(reply: FastifyReply, json: string | Buffer, status = 200) {
  // Fastify sends a string as it is when the content type is set; the typed reply expects the object.
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send(json as never);
}
