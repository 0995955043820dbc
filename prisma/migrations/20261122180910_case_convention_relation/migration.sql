-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
