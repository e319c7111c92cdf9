# N distinct one-page PDFs (Helvetica text, a classic xref table) into OUT: python3 one-page-pdfs.py N OUT
import sys, os
n=int(sys.argv[1]); out=sys.argv[2]; os.makedirs(out, exist_ok=True)
for i in range(n):
    content=f"BT /F1 18 Tf 72 720 Td (Cong van so {i} - UBND tinh Ca Mau) Tj ET".encode()
    objs=[b"<< /Type /Catalog /Pages 2 0 R >>",
          b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
          b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
          b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
          b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    buf=bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"); offs=[]
    for k,o in enumerate(objs,1):
        offs.append(len(buf)); buf+=b"%d 0 obj\n" % k + o + b"\nendobj\n"
    x=len(buf); buf+=b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs)+1)
    for o in offs: buf+=b"%010d 00000 n \n" % o
    buf+=b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs)+1, x)
    open(f"{out}/doc{i:05d}.pdf","wb").write(buf)
