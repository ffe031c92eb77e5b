/** Sets the browser tab's title to "Page – LAR". React 19 moves a rendered <title> into <head>. */
export function DocumentTitle({ title }: { title: string }) {
  return <title>{`${title} – LAR`}</title>;
}
