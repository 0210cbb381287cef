import ExcelJS from 'exceljs';
import type { StudyNoteDoc } from '@zhibu/types';
import { beijingShort } from '../runtime/time';
import { zipStored } from './zip';

export async function notesXlsx(notes: StudyNoteDoc[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部通';
  const sheet = workbook.addWorksheet('学习笔记');
  sheet.columns = [
    { header: '更新时间', key: 'at', width: 16 },
    { header: '关联学习任务', key: 'task', width: 24 },
    { header: '笔记', key: 'text', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  for (const note of notes) {
    sheet.addRow({ at: beijingShort(new Date(note.updatedAt)), task: note.taskTitle ?? '', text: note.text });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Text as XML character data: escaped, and without the control characters XML 1.0 forbids. */
function xmlText(text: string): string {
  return [...text]
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff;
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function paragraph(text: string, style: 'title' | 'heading' | 'body'): string {
  const props =
    style === 'title'
      ? '<w:rPr><w:b/><w:sz w:val="36"/></w:rPr>'
      : style === 'heading'
        ? '<w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'
        : '';
  return `<w:p><w:r>${props}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A .docx: the three parts a word processor needs, one paragraph per line of each note. */
export function notesDocx(ownerName: string, notes: StudyNoteDoc[]): Buffer {
  const body = [paragraph(`${ownerName}的学习笔记`, 'title')];
  for (const note of notes) {
    const heading = [beijingShort(new Date(note.updatedAt)), note.taskTitle].filter(Boolean).join('  ');
    body.push(paragraph(heading, 'heading'));
    for (const line of note.text.split(/\r?\n/)) body.push(paragraph(line, 'body'));
  }
  const document =
    `${XML_HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '</Types>';
  const rels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships>';
  return zipStored([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes, 'utf8') },
    { name: '_rels/.rels', data: Buffer.from(rels, 'utf8') },
    { name: 'word/document.xml', data: Buffer.from(document, 'utf8') },
  ]);
}
