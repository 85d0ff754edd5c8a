'use client';

import { useRef, useState, type ReactNode } from 'react';
import { orgHeaders } from '@/lib/query/org';

/**
 * Pieces shared by the upload panels (org snapshots, AI usage): the drop zone with its file picker
 * and chosen-file list, and sending files with a byte-level progress callback.
 */

/** A file size for people: bytes, KB or MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * POSTs the files (and form fields) with XMLHttpRequest, so a bar can show the bytes sent; resolves
 * with the `upload` of the JSON answer, rejects with the server's `error` message.
 */
export function sendFiles<T>(
  url: string,
  files: readonly File[],
  fields: Record<string, string>,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(orgHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { upload?: T; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.upload !== undefined) resolve(body.upload);
      else reject(new Error(body.error ?? `Upload failed (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('The upload did not reach the server.'));
    xhr.send(form);
  });
}

/** The files chosen so far, each with its size and a remove button. */
export function ChosenFiles({
  files,
  onRemove,
}: {
  files: readonly File[];
  onRemove: (index: number) => void;
}) {
  if (files.length === 0) return null;
  return (
    <ul className="file-list" aria-label="Chosen files">
      {files.map((f, i) => (
        <li key={`${f.name}-${i}`}>
          {f.name} <span className="muted">({formatFileSize(f.size)})</span>{' '}
          <button type="button" className="link" aria-label={`Remove ${f.name}`} onClick={() => onRemove(i)}>
            remove
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * A drop zone that also opens the file picker, followed by the chosen files. `lead` is the text
 * before the "choose files" button, `children` what follows it (which files are understood).
 */
export function FileDropZone({
  inputId,
  inputLabel,
  accept,
  lead,
  files,
  onFilesChange,
  children,
}: {
  inputId: string;
  inputLabel: string;
  accept: string;
  lead: string;
  files: readonly File[];
  onFilesChange: (files: File[]) => void;
  children: ReactNode;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const add = (list: FileList | null) => {
    if (list && list.length > 0) onFilesChange([...files, ...Array.from(list)]);
  };
  return (
    <div
      className={`dropzone${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        add(e.dataTransfer.files);
      }}
    >
      <p>
        {lead}{' '}
        <button type="button" className="link" onClick={() => inputRef.current?.click()}>
          choose files
        </button>
        {children}
      </p>
      <label htmlFor={inputId} className="visually-hidden">
        {inputLabel}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        type="file"
        multiple
        accept={accept}
        className="visually-hidden"
        onChange={(e) => add(e.target.files)}
      />
      <ChosenFiles files={files} onRemove={(i) => onFilesChange(files.filter((_, j) => j !== i))} />
    </div>
  );
}
