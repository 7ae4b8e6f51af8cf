package io.claimtrack.rules;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a compiled class refers to, read from its constant pool: every class it names and every field or
 * method it calls. Bytecode can reach nothing that its constant pool does not name (a call, a field, a
 * {@code new}, a cast, a class literal, a lambda's target all go through it), so this is the place to
 * see what a rule's consequence can really touch, whatever its source text looked like.
 */
public record ClassReferences(Set<String> classes, List<Member> members) {

    /** A field or method reference: owner in internal form ({@code java/lang/System}), name and descriptor. */
    public record Member(String owner, String name, String descriptor) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name;
        }
    }

    private static final int UTF8 = 1, INTEGER = 3, FLOAT = 4, LONG = 5, DOUBLE = 6, CLASS = 7, STRING = 8,
            FIELD = 9, METHOD = 10, INTERFACE_METHOD = 11, NAME_AND_TYPE = 12, METHOD_HANDLE = 15,
            METHOD_TYPE = 16, DYNAMIC = 17, INVOKE_DYNAMIC = 18, MODULE = 19, PACKAGE = 20;

    /** @throws IllegalArgumentException when the bytes are not a class file this reader understands */
    public static ClassReferences read(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            int[] tags = new int[count];
            String[] utf8 = new String[count];
            int[] first = new int[count];
            int[] second = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case UTF8 -> utf8[i] = in.readUTF();
                    case INTEGER, FLOAT -> in.readInt();
                    case LONG, DOUBLE -> {
                        in.readLong();
                        i++; // eight-byte constants take two slots
                    }
                    case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> first[i] = in.readUnsignedShort();
                    case FIELD, METHOD, INTERFACE_METHOD, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case METHOD_HANDLE -> {
                        first[i] = in.readUnsignedByte();
                        second[i] = in.readUnsignedShort();
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + i);
                }
            }
            Set<String> classes = new TreeSet<>();
            List<Member> members = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                switch (tags[i]) {
                    case CLASS -> addType(classes, utf8[first[i]]);
                    case METHOD_TYPE -> addDescriptorTypes(classes, utf8[first[i]]);
                    case FIELD, METHOD, INTERFACE_METHOD -> {
                        String owner = utf8[first[first[i]]];
                        int nameAndType = second[i];
                        String descriptor = utf8[second[nameAndType]];
                        members.add(new Member(owner, utf8[first[nameAndType]], descriptor));
                        addType(classes, owner);
                        addDescriptorTypes(classes, descriptor);
                    }
                    case DYNAMIC, INVOKE_DYNAMIC -> addDescriptorTypes(classes, utf8[second[second[i]]]);
                    default -> { }
                }
            }
            return new ClassReferences(classes, members);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable class file: " + e.getMessage(), e);
        }
    }

    /** A Class constant holds an internal name, or an array descriptor such as {@code [Ljava/lang/String;}. */
    private static void addType(Set<String> classes, String name) {
        if (name.startsWith("[")) {
            addDescriptorTypes(classes, name);
        } else {
            classes.add(name);
        }
    }

    private static void addDescriptorTypes(Set<String> classes, String descriptor) {
        int at = descriptor.indexOf('L');
        while (at >= 0) {
            int end = descriptor.indexOf(';', at);
            if (end < 0) {
                return;
            }
            classes.add(descriptor.substring(at + 1, end));
            at = descriptor.indexOf('L', end);
        }
    }
}
