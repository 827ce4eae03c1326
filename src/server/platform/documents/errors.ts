// One error type for every document reader: a stable code and a Chinese message that is safe to show.

export type DocumentErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'ZIP_BOMB'
  | 'CORRUPT'
  | 'XML_ENTITY'
  | 'UNSUPPORTED'
  | 'NEEDS_LIBREOFFICE'
  | 'PDF'
  | 'PDF_SCANNED'
  | 'PDF_TOO_LONG'
  | 'IMAGE'
  | 'GARBLED';

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const DOCUMENT_ERROR_MESSAGES: Record<DocumentErrorCode, string> = {
  EMPTY: '文件为空，没有可读取的内容',
  TOO_LARGE: '文件过大，超出可读取的上限',
  ZIP_BOMB: '文件解压后过大，疑似压缩炸弹，已拒绝读取',
  CORRUPT: '文件已损坏或格式不正确，无法读取',
  XML_ENTITY: '文件中含有 DOCTYPE 或实体声明（可能引用外部实体），出于安全原因拒绝读取',
  UNSUPPORTED: '不支持的文件格式，请上传 .docx、.xlsx、.pdf、.ofd、.html、.txt 文件，或粘贴通知文字',
  NEEDS_LIBREOFFICE: '需要安装 LibreOffice 才能读取 .doc/.wps 文件（也可先另存为 .docx 再导入）',
  PDF: 'PDF 文件无法读取，请提供 .docx 或 .xlsx 原件',
  PDF_SCANNED:
    'PDF/OFD 中没有文字层（多为扫描件），无法读取任务。请提供 .docx/.xlsx 原件，或先用 OCR（文字识别）软件转换成文字后再粘贴导入',
  PDF_TOO_LONG: 'PDF/OFD 页数过多，不像一份任务分工通知，已拒绝读取',
  IMAGE: '图片文件无法读取文字，请提供 .docx 或 .xlsx 原件',
  GARBLED: '文件内容无法识别（可能已损坏或编码不正确）',
};

export function documentError(code: DocumentErrorCode, detail?: string): DocumentError {
  return new DocumentError(
    code,
    detail ? `${DOCUMENT_ERROR_MESSAGES[code]}：${detail}` : DOCUMENT_ERROR_MESSAGES[code],
  );
}
