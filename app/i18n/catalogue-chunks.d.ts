/** Written by the kp-catalogue-chunks plugin (vite.config.ts): each language's catalogue chunk and the chunks it imports. */
declare module "virtual:kp/catalogue-chunks" {
  const urls: Partial<Record<"nb" | "nn" | "en", string[]>>;
  export default urls;
}
