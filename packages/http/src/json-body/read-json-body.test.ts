import { describe, expect, it } from 'vitest';
import { isApiError } from '../errors/api-error';
import { readJsonBody } from './read-json-body';

function post(body: BodyInit | null, contentType: string | null = 'application/json') {
  const headers = new Headers();
  if (contentType) headers.set('content-type', contentType);
  return new Request('http://test.invalid/api', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
}

async function refusal(request: Request, options?: Parameters<typeof readJsonBody>[1]) {
  try {
    await readJsonBody(request, options);
  } catch (error) {
    if (isApiError(error))
      return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readJsonBody', () => {
  it('parses JSON sent as application/json (with a charset too)', async () => {
    expect(await readJsonBody(post('{"a":"ü😀"}'))).toEqual({ a: 'ü😀' });
    expect(await readJsonBody(post('[1]', 'Application/JSON; charset=utf-8'))).toEqual([1]);
  });

  it('refuses other media types with 415 and names the one expected', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/jsonp', null]) {
      const answer = await refusal(post('{"a":1}', type));
      expect(answer.status).toBe(415);
      expect(answer.message).toContain('application/json');
    }
  });

  it('refuses a body over the limit with 413, whatever Content-Length says', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(2000) });
    const request = post(big);
    request.headers.set('content-length', '10');
    const answer = await refusal(request, { maxBytes: 1000 });
    expect(answer).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(answer.message).toMatch(/larger than 1000 bytes/);
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const answer = await refusal(post(stream), { maxBytes: 10 * 1024 });
    expect(answer.status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });

  it('refuses invalid UTF-8 with 400', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect(await refusal(post(bytes))).toMatchObject({ status: 400, code: 'invalid_encoding' });
  });

  it('refuses lone surrogates in values and keys, naming where', async () => {
    const value = await refusal(post('{"title":"ok","body":{"text":["fine","bad \\ud800 here"]}}'));
    expect(value).toMatchObject({ status: 400, code: 'invalid_text' });
    expect(value.message).toContain('body.text[1]');
    expect(await refusal(post('{"\\udc00":1}'))).toMatchObject({ code: 'invalid_text' });
    expect(await readJsonBody(post('{"a":"\\ud83d\\ude00"}'))).toEqual({ a: '😀' });
  });

  it('refuses NUL in values and keys, naming where (PostgreSQL refuses it in any text)', async () => {
    const value = await refusal(post('{"sectionId":"ok","related":[{"articleId":"a\\u0000b"}]}'));
    expect(value).toMatchObject({ status: 400, code: 'invalid_text' });
    expect(value.message).toContain('related[0].articleId');
    expect(value.message).toContain('NUL');
    expect(await refusal(post('{"\\u0000":1}'))).toMatchObject({ code: 'invalid_text' });
  });

  it('reads a body nested 20,000 deep without overflowing the stack (its validation refuses it)', async () => {
    const depth = 20_000;
    const deep = `${'{"content":['.repeat(depth)}"x"${']}'.repeat(depth)}`;
    let value = (await readJsonBody(post(deep))) as { content: unknown[] };
    for (let level = 1; level < depth; level++) value = value.content[0] as typeof value;
    expect(value.content).toEqual(['x']);
    const bad = `${'{"content":['.repeat(depth)}"\\ud800"${']}'.repeat(depth)}`;
    const answer = await refusal(post(bad));
    expect(answer).toMatchObject({ status: 400, code: 'invalid_text' });
    expect(answer.message).toContain('content[0].content[0]');
  });

  it('refuses invalid or empty JSON with 400, or uses the given empty value', async () => {
    expect(await refusal(post('{"a":'))).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(await refusal(post(''))).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(await readJsonBody(post(''), { whenEmpty: {} })).toEqual({});
  });
});
