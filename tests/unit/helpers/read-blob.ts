/** A Blob read the way a page reads a file: jsdom's Blob has neither `text()` nor `arrayBuffer()`. */
function read<T>(blob: Blob, as: 'text' | 'bytes'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error);
    if (as === 'text') reader.readAsText(blob);
    else reader.readAsArrayBuffer(blob);
  });
}

export const blobText = (blob: Blob): Promise<string> => read<string>(blob, 'text');

/** The Blob's bytes as a Node Buffer: jsdom's ArrayBuffer is of another realm than Node's. */
export const blobBytes = async (blob: Blob): Promise<Buffer> => Buffer.from(await read<ArrayBuffer>(blob, 'bytes'));
