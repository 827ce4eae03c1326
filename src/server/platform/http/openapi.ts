import { z } from 'zod';
import { zFile } from '../../../contracts/http';
import { PERMISSIONS } from '../../../contracts/permissions';
import { routeRegistry } from './route';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
}

/** The success answer: the envelope around the contract's response schema, or a file for downloads. */
function success(response: z.ZodType | undefined): Record<string, unknown> {
  if (response === zFile) {
    return {
      description: '文件下载（Content-Disposition 给出文件名）',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  }
  return {
    description: '成功：{ data }',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['data'],
          properties: { data: response ? jsonSchema(response, 'output') : {} },
        },
      },
    },
  };
}

/** OpenAPI 3.1 document built from the route registry (the same zod schemas that validate requests). */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routeRegistry) {
    const p = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = r.query
      ? (jsonSchema(r.query) as { properties?: Record<string, unknown>; required?: string[] })
      : null;
    for (const [name, schema] of Object.entries(query?.properties ?? {})) {
      params.push({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema } as never);
    }
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      parameters: params,
      security: r.auth === 'public' ? [] : [{ session: [] }],
      'x-permission': r.permission ? `${r.permission}（${PERMISSIONS[r.permission]}）` : null,
      responses: {
        [String(r.status ?? 200)]: success(r.response),
        '400': { description: '输入有误：{ error: { code, message } }' },
        ...(r.auth === 'public'
          ? {}
          : { '401': { description: '未登录或会话已过期' }, '403': { description: '无权限或超出数据范围' } }),
      },
    };
    if (r.body)
      op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    if (r.upload) {
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
          },
        },
      };
    }
    paths[p] ??= {};
    paths[p][r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gongkai 政务公开平台 API',
      version,
      description:
        '所有响应为 { data } 或 { error: { code, message } }。写操作需携带 X-CSRF-Token 头（取自 gk_csrf Cookie）。',
    },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_sid' } } },
    paths,
  };
}
