/**
 * Stands in for XMLHttpRequest, which the uploads use for its progress events. Each request
 * reports upload progress at the fractions `progress` (of a 1,000-byte body), then is answered by
 * `fetch` (so `stubApi` answers and records it too, without its body). `sent` keeps every request with
 * its real body (a FormData).
 */
export function stubXhr({ progress = [0.5, 1] }: { progress?: number[] } = {}) {
  const sent: { method: string; url: string; body: unknown; withCredentials: boolean }[] = [];

  class FakeXhr {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    withCredentials = false;
    private method = 'GET';
    private url = '';
    private aborted = false;

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader() {}

    abort() {
      this.aborted = true;
      this.onabort?.();
    }

    send(body: unknown) {
      sent.push({ method: this.method, url: this.url, body, withCredentials: this.withCredentials });
      const total = 1000;
      setTimeout(async () => {
        for (const fraction of progress) {
          if (this.aborted) return;
          this.upload.onprogress?.({
            lengthComputable: true,
            loaded: total * fraction,
            total,
          } as ProgressEvent);
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        try {
          const response = await fetch(this.url, { method: this.method });
          const text = await response.text();
          if (this.aborted) return;
          this.status = response.status;
          this.responseText = text;
          this.onload?.();
        } catch {
          if (!this.aborted) this.onerror?.();
        }
      }, 0);
    }
  }

  const original = globalThis.XMLHttpRequest;
  globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  return {
    sent,
    restore: () => {
      globalThis.XMLHttpRequest = original;
    },
  };
}
