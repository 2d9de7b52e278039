package dev.outpost.enrich.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a tiny ONNX text classifier in protobuf wire format, without any ONNX tooling: logits =
 * mean over tokens of an embedding row per token id (Gather, then ReduceMean over the sequence).
 */
final class TinyOnnx {
  private TinyOnnx() {}

  /** A model with an {@code input_ids} input and a {@code logits} output of {@code classes}. */
  static byte[] meanEmbeddingClassifier(float[][] embedding) {
    int vocab = embedding.length;
    int classes = embedding[0].length;
    ByteBuffer raw = ByteBuffer.allocate(vocab * classes * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : embedding) {
      for (float v : row) {
        raw.putFloat(v);
      }
    }
    Proto tensor =
        new Proto()
            .varint(1, vocab)
            .varint(1, classes)
            .varint(2, 1)
            .string(8, "emb")
            .bytes(9, raw.array());
    Proto gather =
        new Proto()
            .string(1, "emb")
            .string(1, "input_ids")
            .string(2, "e")
            .string(3, "gather")
            .string(4, "Gather");
    Proto axes = new Proto().string(1, "axes").varint(20, 7).varint(8, 1);
    Proto keep = new Proto().string(1, "keepdims").varint(20, 2).varint(3, 0);
    Proto mean =
        new Proto()
            .string(1, "e")
            .string(2, "logits")
            .string(3, "mean")
            .string(4, "ReduceMean")
            .message(5, axes)
            .message(5, keep);
    Proto graph =
        new Proto()
            .message(1, gather)
            .message(1, mean)
            .string(2, "tiny")
            .message(5, tensor)
            .message(11, valueInfo("input_ids", 7, "batch", "sequence"))
            .message(12, valueInfo("logits", 1, "batch", null, classes));
    Proto opset = new Proto().varint(2, 13);
    return new Proto()
        .varint(1, 8)
        .string(2, "outpost-test")
        .message(7, graph)
        .message(8, opset)
        .toByteArray();
  }

  private static Proto valueInfo(String name, int elemType, String d0, String d1) {
    Proto shape =
        new Proto().message(1, new Proto().string(2, d0)).message(1, new Proto().string(2, d1));
    return valueInfo(name, elemType, shape);
  }

  private static Proto valueInfo(String name, int elemType, String d0, String unused, int d1) {
    Proto shape =
        new Proto().message(1, new Proto().string(2, d0)).message(1, new Proto().varint(1, d1));
    return valueInfo(name, elemType, shape);
  }

  private static Proto valueInfo(String name, int elemType, Proto shape) {
    Proto tensorType = new Proto().varint(1, elemType).message(2, shape);
    return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
  }

  /** Minimal protobuf writer: varint and length-delimited fields. */
  static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
      raw((long) field << 3);
      raw(value);
      return this;
    }

    Proto bytes(int field, byte[] value) {
      raw(((long) field << 3) | 2);
      raw(value.length);
      out.writeBytes(value);
      return this;
    }

    Proto string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto value) {
      return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    private void raw(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }
  }
}
